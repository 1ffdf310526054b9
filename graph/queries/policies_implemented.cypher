// Policies a document implements (贯彻落实, 执行, 按照 …) at one level, with the items that do it.
// Parameters: $doc — the document's file stem (Document.doc); $level — 'national', 'provincial', 'municipal', 'county' or 'unknown'.
MATCH (d:Document {doc: $doc})-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i:WorkItem)-[m:IMPLEMENTS]->(p:Policy)
WHERE p.level = $level
WITH p, i, m
ORDER BY i.order
RETURN p.title AS title, p.aliases AS aliases, p.level AS level, p.level_source AS level_source,
       p.issuers AS issuers, collect(DISTINCT i.item) AS items, collect(DISTINCT m.surface) AS surfaces
ORDER BY title
