// Implementation chains: a policy an item cites, the policy it implements in turn, and so on up the hierarchy
// (item → municipal notice → provincial opinion → national opinion), from titles that name another title.
// Only the longest chain from each starting policy is listed, starting at the outermost policy the item cites.
// Parameters: $doc — the document's file stem (Document.doc), or null for every document.
MATCH (d:Document)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i:WorkItem)-[:IMPLEMENTS|ISSUES|REVISES|CITES]->(p:Policy)
WHERE ($doc IS NULL OR d.doc = $doc)
  AND NOT EXISTS { (i)-[:IMPLEMENTS|ISSUES|REVISES|CITES]->(:Policy)-[:IMPLEMENTS]->(p) }
MATCH chain = (p)-[:IMPLEMENTS*1..6]->(top:Policy)
WHERE NOT EXISTS { (top)-[:IMPLEMENTS]->(:Policy) }
WITH d, i, p, chain
ORDER BY length(chain) DESC
WITH d, i, p, collect(chain)[0] AS chain
RETURN d.doc AS doc, i.item AS item, [n IN nodes(chain) | n.title] AS titles,
       [n IN nodes(chain) | n.level] AS levels
ORDER BY doc, i.order, titles
