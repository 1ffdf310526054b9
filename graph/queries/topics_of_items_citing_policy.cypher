// Topics of the work items that cite a policy: the keywords of every item linked to it, most frequent first.
// Parameters: $title — part of the policy's title or of one of its aliases.
MATCH (p:Policy)
WHERE p.title CONTAINS $title OR any(alias IN p.aliases WHERE alias CONTAINS $title)
MATCH (i:WorkItem)-[:IMPLEMENTS|ISSUES|REVISES|CITES]->(p)
WITH DISTINCT i
UNWIND i.keywords AS keyword
RETURN keyword, count(*) AS items, collect({doc: i.doc, item: i.item}) AS in_items
ORDER BY items DESC, keyword
