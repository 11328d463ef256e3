// A LIKE pattern finding `term` anywhere, its own % _ and \ escaped with \ (used with ESCAPE '\').
export const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
