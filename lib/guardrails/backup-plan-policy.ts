/**
 * A backup plan of the organization as a backup policy: AWS Backup runs it in every
 * account the policy reaches, in each governed region, on the resources tagged for it,
 * into the vault that each account's baseline keeps under one name, through the backup
 * role that each baseline makes (`$account` is AWS Backup's own variable for the account
 * the effective policy runs in). Written as AWS documents backup policies: every value
 * set with `@@assign`, numbers as text.
 */
export interface BackupPlanSettings {
  /** The plan's name, and the policy's. */
  readonly name: string;
  /** When backups start, as AWS Backup's `cron(...)` expression. */
  readonly scheduleExpression: string;
  readonly deleteAfterDays: number;
  /** @default never moved */
  readonly moveToColdStorageAfterDays?: number;
  /** Resources carrying this tag with one of `tagValues` are backed up. */
  readonly tagKey: string;
  readonly tagValues: readonly string[];
}

export interface BackupPlanTarget {
  /** The regions the plan runs in. */
  readonly regions: readonly string[];
  /** The vault every account has in each of those regions. */
  readonly vaultName: string;
  /** The role every account has, which AWS Backup assumes. */
  readonly roleName: string;
}

interface Assigned<T> {
  readonly '@@assign': T;
}

export interface BackupPolicyDocument {
  readonly plans: Readonly<
    Record<
      string,
      {
        readonly regions: Assigned<readonly string[]>;
        readonly rules: Readonly<
          Record<
            string,
            {
              readonly schedule_expression: Assigned<string>;
              readonly target_backup_vault_name: Assigned<string>;
              readonly lifecycle: { readonly delete_after_days: Assigned<string>; readonly move_to_cold_storage_after_days?: Assigned<string> };
            }
          >
        >;
        readonly selections: {
          readonly tags: Readonly<
            Record<string, { readonly iam_role_arn: Assigned<string>; readonly tag_key: Assigned<string>; readonly tag_value: Assigned<readonly string[]> }>
          >;
        };
      }
    >
  >;
}

export function backupPlanPolicy(plan: BackupPlanSettings, target: BackupPlanTarget): BackupPolicyDocument {
  return {
    plans: {
      [plan.name]: {
        regions: { '@@assign': [...target.regions] },
        rules: {
          [plan.name]: {
            schedule_expression: { '@@assign': plan.scheduleExpression },
            target_backup_vault_name: { '@@assign': target.vaultName },
            lifecycle: {
              delete_after_days: { '@@assign': String(plan.deleteAfterDays) },
              ...(plan.moveToColdStorageAfterDays === undefined
                ? {}
                : { move_to_cold_storage_after_days: { '@@assign': String(plan.moveToColdStorageAfterDays) } }),
            },
          },
        },
        selections: {
          tags: {
            [plan.name]: {
              iam_role_arn: { '@@assign': `arn:aws:iam::$account:role/${target.roleName}` },
              tag_key: { '@@assign': plan.tagKey },
              tag_value: { '@@assign': [...plan.tagValues] },
            },
          },
        },
      },
    },
  };
}
