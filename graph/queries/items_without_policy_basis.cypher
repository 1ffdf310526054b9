// Work items of a document that cite no policy or meeting at all (no IMPLEMENTS, ISSUES, REVISES or CITES link).
// Parameters: $doc — the document's file stem (Document.doc).
MATCH (d:Document {doc: $doc})-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i:WorkItem)
WHERE NOT EXISTS { (i)-[:IMPLEMENTS|ISSUES|REVISES|CITES]->() }
RETURN i.item AS item, i.heading AS heading, i.keywords AS keywords
ORDER BY i.order
