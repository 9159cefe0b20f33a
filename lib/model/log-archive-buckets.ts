/**
 * The log archive's bucket names. They follow from the configuration alone, so that every
 * stack that writes to the archive names its bucket without reading another stack's state.
 */
export interface LogArchiveBuckets {
  /** The organization trail's log files: object lock, SSE-KMS. */
  readonly cloudTrail: string;
  /** AWS Config snapshots and history of every account (Config cannot deliver to a bucket with object lock). */
  readonly config: string;
  /** Session Manager session transcripts of every account. */
  readonly sessionLogs: string;
  /** S3 server access logs of the three above. */
  readonly accessLogs: string;
}

export function logArchiveBucketsOf(prefix: string, homeRegion: string): LogArchiveBuckets {
  const bucket = (purpose: string) => `${prefix}-${purpose}-${homeRegion}`;
  return {
    cloudTrail: bucket('cloudtrail'),
    config: bucket('config'),
    sessionLogs: bucket('session-logs'),
    accessLogs: bucket('access-logs'),
  };
}
