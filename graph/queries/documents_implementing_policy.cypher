// Documents that implement a given policy (typically a national one), where they are, and in which items and words.
// Parameters: $title — part of the policy's title or of one of its aliases, e.g. '民办教育促进法'.
MATCH (p:Policy)
WHERE p.title CONTAINS $title OR any(alias IN p.aliases WHERE alias CONTAINS $title)
MATCH (d:Document)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i:WorkItem)-[m:IMPLEMENTS]->(p)
OPTIONAL MATCH (d)-[:IN]->(place:Jurisdiction)
WITH p, d, place, i, m
ORDER BY i.order
RETURN d.doc AS doc, d.title AS document, place.name AS jurisdiction, p.title AS policy, p.level AS level,
       collect(DISTINCT i.item) AS items, collect(DISTINCT m.surface) AS surfaces
ORDER BY doc, policy
