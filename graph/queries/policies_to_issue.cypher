// Policies a document says it will make (制定, 出台, 制订, 印发 …), with the items that promise them.
// Parameters: $doc — the document's file stem (Document.doc).
MATCH (d:Document {doc: $doc})-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i:WorkItem)-[m:ISSUES]->(p:Policy)
WITH p, i, m
ORDER BY i.order
RETURN p.title AS title, p.aliases AS aliases, p.level AS level, p.level_source AS level_source,
       collect(DISTINCT i.item) AS items, collect(DISTINCT m.trigger) AS triggers
ORDER BY title
