// Names of files and folders the archive writes for people (packages, carriers): what Windows refuses
// in a name becomes _.
export const safeName = (s: string): string => s.replace(/[\\/:*?"<>|]/g, '_');
