// Policies a document says it will revise (修订, 修改), with the items that say so.
// Parameters: $doc — the document's file stem (Document.doc).
MATCH (d:Document {doc: $doc})-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i:WorkItem)-[m:REVISES]->(p:Policy)
WITH p, i, m
ORDER BY i.order
RETURN p.title AS title, p.aliases AS aliases, p.level AS level,
       collect(DISTINCT i.item) AS items, collect(DISTINCT m.sentence) AS sentences
ORDER BY title
