// Meetings whose spirit a document implements (党的十九大, 全省教育工作会议 …), with the items that name them.
// Parameters: $doc — the document's file stem (Document.doc).
MATCH (d:Document {doc: $doc})-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i:WorkItem)-[m:IMPLEMENTS]->(meeting:Meeting)
WITH meeting, i, m
ORDER BY i.order
RETURN meeting.title AS title, meeting.aliases AS aliases, meeting.level AS level,
       collect(DISTINCT i.item) AS items, collect(DISTINCT m.surface) AS surfaces
ORDER BY level, title
