/**
 * The account's monthly cost budget: an e-mail when actual cost, or the forecast, crosses
 * each threshold. Created in the scope given, for the reason `organization/organization.ts`
 * gives.
 *
 * A budget of a member account sees that account's costs; one of the management (payer)
 * account sees the consolidated bill of the whole organization unless it is filtered to
 * the account itself.
 */
import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import type { Construct } from 'constructs';
import type { Account } from '../model/landing-zone';

/** AWS Budgets refuses `:` and `\\` in a budget's name, which an account name may hold. */
function budgetName(account: Account): string {
  return `${account.name.replace(/[:\\]/g, '-')} monthly cost`;
}

export function monthlyBudget(scope: Construct, account: Account): BudgetsBudget {
  const { budget } = account;
  return new BudgetsBudget(scope, 'monthly_budget', {
    name: budgetName(account),
    costFilter: account.role === 'management' ? [{ name: 'LinkedAccount', values: [account.existingAccountId] }] : undefined,
    budgetType: 'COST',
    timeUnit: 'MONTHLY',
    limitAmount: budget.monthlyLimitUsd.toFixed(2),
    limitUnit: 'USD',
    notification: budget.thresholdsPercent.flatMap((threshold) =>
      (['ACTUAL', 'FORECASTED'] as const).map((notificationType) => ({
        comparisonOperator: 'GREATER_THAN',
        notificationType,
        threshold,
        thresholdType: 'PERCENTAGE',
        subscriberEmailAddresses: [...budget.alertEmails],
      })),
    ),
  });
}
