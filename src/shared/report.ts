// The annual reporting package (`sanwu report`).
export interface ReportRequest {
  year: number;
  outDir: string;
  zip?: boolean;
  /** community names; all when empty */
  communities?: string[];
  /** 五、下一步工作: the clerk's text; a default paragraph when absent */
  nextSteps?: string;
}

export interface ReportResult {
  /** the bag folder */
  path: string;
  zipPath?: string;
  /** payload files, relative to the bag */
  files: string[];
}
