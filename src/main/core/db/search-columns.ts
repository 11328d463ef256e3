// What search reads of a record, for every engine: the records columns whose text a term may match.
export const SEARCH_COLUMNS = ['title', 'responsible', 'doc_number', 'notes'] as const;
