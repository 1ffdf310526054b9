// Issuing bodies at each level: how many policies in the graph each one issued, and how many work plans.
// Parameters: none.
MATCH (o:Organization)
WITH o, COUNT { (o)<-[:ISSUED_BY]-(:Policy) } AS policies, COUNT { (o)<-[:ISSUED_BY]-(:Document) } AS documents
RETURN o.level AS level, o.name AS issuer, policies, documents
ORDER BY level, policies DESC, issuer
