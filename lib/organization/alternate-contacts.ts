/** The security, billing and operations contacts AWS reaches about an account. */
import { AccountAlternateContact } from '@cdktf/provider-aws/lib/account-alternate-contact';
import { Construct } from 'constructs';
import { ALTERNATE_CONTACT_TYPES, type AlternateContact, type AlternateContactType } from '../config/schemas/common';

export interface AlternateContactsProps {
  /** The security, billing and operations contacts, defaults resolved. */
  readonly contacts: Readonly<Record<AlternateContactType, AlternateContact>>;
  /**
   * The member account whose contacts are set, through the Account Management API's
   * trusted access from the management account.
   * @default the account of the provider's credentials
   */
  readonly accountId?: string;
}

export class AlternateContacts extends Construct {
  constructor(scope: Construct, id: string, props: AlternateContactsProps) {
    super(scope, id);
    for (const type of ALTERNATE_CONTACT_TYPES) {
      const contact = props.contacts[type];
      new AccountAlternateContact(this, type, {
        accountId: props.accountId,
        alternateContactType: type.toUpperCase(),
        name: contact.name,
        title: contact.title,
        emailAddress: contact.email,
        phoneNumber: contact.phone,
      });
    }
  }
}
