/** A file handed to the engine: its path, its text, and what the run's code says of it. */
import type { Deployment } from '../model/model.js';

export interface SourceFile {
  /** relative path with forward slashes; used for language detection and in findings */
  path: string;
  content: string;
  /** what the run's code says of it, when it is a template or file the code deploys */
  deployment?: Deployment;
}
