/**
 * EC2 declarative policies: the desired state of an EC2 account attribute, which AWS then
 * keeps in every account and region the policy reaches (the APIs that would change it
 * fail), as AWS documents the syntax: under `ec2_attributes`, each attribute's fields set
 * with the `@@assign` (or, for lists, `@@append`) operator of management policies.
 */
export interface Assigned<T> {
  readonly '@@assign': T;
}

export interface Ec2Attributes {
  readonly instance_metadata_defaults?: {
    readonly http_tokens?: Assigned<'no_preference' | 'required' | 'optional'>;
    /** An integer from -1 (no preference) to 64, as text. */
    readonly http_put_response_hop_limit?: Assigned<string>;
    readonly http_endpoint?: Assigned<'no_preference' | 'enabled' | 'disabled'>;
    readonly instance_metadata_tags?: Assigned<'no_preference' | 'enabled' | 'disabled'>;
  };
  readonly image_block_public_access?: { readonly state: Assigned<'unblocked' | 'block_new_sharing'> };
  readonly snapshot_block_public_access?: { readonly state: Assigned<'unblocked' | 'block_new_sharing' | 'block_all_sharing'> };
  readonly serial_console_access?: { readonly status: Assigned<'enabled' | 'disabled'> };
  readonly vpc_block_public_access?: {
    readonly internet_gateway_block: {
      readonly mode: Assigned<'off' | 'block_ingress' | 'block_bidirectional'>;
      readonly exclusions_allowed: Assigned<'enabled' | 'disabled'>;
    };
  };
  readonly allowed_images_settings?: {
    readonly state: Assigned<'enabled' | 'disabled' | 'audit_mode'>;
    readonly image_criteria?: Readonly<Record<string, { readonly allowed_image_providers?: { readonly '@@append': readonly string[] } }>>;
  };
}

export interface DeclarativePolicyEc2Document {
  readonly ec2_attributes: Ec2Attributes;
}
