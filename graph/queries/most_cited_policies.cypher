// The most-cited policies at each level across all documents: how many documents and mentions link to each.
// Parameters: $limit — how many policies to list per level.
MATCH (d:Document)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(:WorkItem)-[m:IMPLEMENTS|ISSUES|REVISES|CITES]->(p:Policy)
WITH p, count(DISTINCT d) AS documents, count(m) AS mentions
ORDER BY documents DESC, mentions DESC, p.title
WITH p.level AS level,
     collect({title: p.title, aliases: p.aliases, documents: documents, mentions: mentions})[..$limit] AS top
UNWIND top AS policy
RETURN level, policy.title AS title, policy.aliases AS aliases, policy.documents AS documents,
       policy.mentions AS mentions
ORDER BY level, documents DESC, mentions DESC, title
