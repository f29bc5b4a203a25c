/** The records the fake GitHub keeps: what Posture wrote, and what people did on the pull request. */

/** The app's bot as GraphQL names it (REST adds `[bot]`). */
export const APP_LOGIN = 'posture';
/** Who opened the pull request, unless a test says otherwise. */
export const PULL_REQUEST_AUTHOR = 'casey-dev';

export interface StandinAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: string;
  title?: string;
  message: string;
}

export interface StandinCheckRun {
  id: number;
  name: string;
  head_sha: string;
  /** the integrator's own reference for the run; GitHub answers "" when none was given */
  external_id?: string;
  status: string;
  conclusion: string | null;
  started_at?: string;
  completed_at?: string;
  details_url?: string;
  actions?: Array<{ label: string; description: string; identifier: string }>;
  output: { title?: string; summary?: string };
  annotations: StandinAnnotation[];
  app_id: number;
}

export interface StandinReviewComment {
  path: string;
  line: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  body: string;
}

/** A review Posture posted. */
export interface StandinReview {
  id: number;
  commit_id: string;
  event: string;
  body: string;
  comments: StandinReviewComment[];
}

export interface Author {
  login: string;
  type: 'Bot' | 'User';
}

export interface ThreadComment {
  nodeId: string;
  author: Author;
  body: string;
  path: string;
  line?: number;
  commitId: string;
  isMinimized: boolean;
  minimizedReason?: string;
}

export interface ReviewThread {
  comments: ThreadComment[];
}

export interface ConversationComment {
  nodeId: string;
  author: Author;
  body: string;
}

/** Any submitted review, Posture's and people's, in order. */
export interface SubmittedReview {
  author: Author;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commitId: string;
  body: string;
  submittedAt: string;
}
