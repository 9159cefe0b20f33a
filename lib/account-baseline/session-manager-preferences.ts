/**
 * Session Manager preferences in every governed region of one account: sessions end when
 * idle, their transcripts go to the log archive under the account's id, and, when asked,
 * session data is encrypted with a key of the account. Session Manager reads its
 * preferences from the `SSM-SessionManagerRunShell` document of each region.
 */
import { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import type { SessionManagerConfig } from '../config/schemas/session-manager';
import { accountAdministersAndUses } from '../iam/key-policies';
import { SESSION_MANAGER_KEY_ALIAS, SESSION_MANAGER_PREFERENCES_DOCUMENT } from '../resource-names';
import { customerManagedKey } from '../terraform/customer-managed-key';
import { regionName } from '../terraform/terraform-names';

export interface SessionManagerPreferencesProps {
  /** The preferences are set in each. */
  readonly governedRegions: readonly AwsRegion[];
  /** Idle timeout and KMS encryption. */
  readonly settings: SessionManagerConfig;
  /** The log archive's session logs bucket. */
  readonly logBucket: string;
  /** Transcripts go under `<account id>/`, the only prefix the bucket lets the account write; its principals use the key. */
  readonly accountId: string;
}

export class SessionManagerPreferences extends Construct {
  constructor(scope: Construct, id: string, props: SessionManagerPreferencesProps) {
    super(scope, id);
    for (const region of props.governedRegions) {
      const suffix = regionName(region);
      let kmsKeyId = '';
      if (props.settings.kmsEncryption) {
        // Whoever starts a session and the instance's role use the key, as IAM lets them.
        const key = customerManagedKey(this, `key_${suffix}`, {
          region,
          description: 'landing-zone: encrypts Session Manager session data.',
          policy: { Version: '2012-10-17', Statement: [accountAdministersAndUses(props.accountId)] },
          alias: SESSION_MANAGER_KEY_ALIAS,
        });
        kmsKeyId = key.arn;
      }
      new SsmDocument(this, `preferences_${suffix}`, {
        region,
        name: SESSION_MANAGER_PREFERENCES_DOCUMENT,
        documentType: 'Session',
        documentFormat: 'JSON',
        content: JSON.stringify({
          schemaVersion: '1.0',
          description: 'Session Manager preferences of the landing zone.',
          sessionType: 'Standard_Stream',
          inputs: {
            s3BucketName: props.logBucket,
            s3KeyPrefix: props.accountId,
            s3EncryptionEnabled: true,
            cloudWatchLogGroupName: '',
            cloudWatchEncryptionEnabled: true,
            cloudWatchStreamingEnabled: false,
            kmsKeyId,
            runAsEnabled: false,
            runAsDefaultUser: '',
            idleSessionTimeout: String(props.settings.idleTimeoutMinutes),
            maxSessionDuration: '',
            shellProfile: { windows: '', linux: '' },
          },
        }),
      });
    }
  }
}
