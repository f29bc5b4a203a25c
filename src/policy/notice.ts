/** Something a reviewer should know about the policy's effect: an unused suppression, an expired waiver. */
export interface Notice {
  path: string;
  line?: number;
  message: string;
}
