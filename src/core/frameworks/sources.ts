/** Where a mapping of a rule to a control is written: a page or a file, as it was read. */
export interface MappingSource {
  readonly title: string;
  readonly url: string;
  /** The day the mapping was read from it. */
  readonly retrieved: string;
  /** The version, commit or page date read, and how it was read where not from the live page. */
  readonly version?: string;
}

/** The sources of the mappings, by id. */
export const MAPPING_SOURCES = {
  'doc-nist-800-53-r5': {
    title: 'Operational Best Practices for NIST 800-53 rev 5 (AWS Config Developer Guide)',
    url: 'https://docs.aws.amazon.com/config/latest/developerguide/operational-best-practices-for-nist-800-53_rev_5.html',
    retrieved: '2026-12-02',
    version: 'page table NOT read directly: the research index holds only the opening of the live page, and the archived awsdocs/aws-config-developer-guide copy (2023) has no table. Read instead from a machine-generated rule->control index of this page in paramify/paramify-fetchers, fetchers/aws/config_conformance_packs/control_mappings/nist_800_53_rev_5.json at commit a4dcc4b38b93dee58844a7c419aba63eaf9f7d96 (128 rules, 113 controls). Secondary copy: verify against the live page before relying on it',
  },
  'doc-pci-dss-v4-incl-global': {
    title: 'Operational Best Practices for PCI DSS 4.0 (Including global resource types) (AWS Config Developer Guide)',
    url: 'https://docs.aws.amazon.com/config/latest/developerguide/operational-best-practices-for-pci-dss-v4-including-global-resource-types.html',
    retrieved: '2026-12-02',
    version: 'read in full from a PDF-to-markdown copy of the AWS Config Developer Guide (PDF pages 13907-14243) stored in the research index (file id 2761346809, source repository not identified); PDF edition date unknown. Its intro says "(Excluding global resource types)" by mistake, but the page headers and template link show it is the Including page',
  },
  'pack-nist-800-53-r5': {
    title: 'Operational-Best-Practices-for-NIST-800-53-rev-5.yaml (AWS Config conformance pack template)',
    url: 'https://github.com/awslabs/aws-config-rules/blob/b54d4a6c99e105c25ca46af9305770e4ba51c422/aws-config-conformance-packs/Operational-Best-Practices-for-NIST-800-53-rev-5.yaml',
    retrieved: '2026-12-02',
    version: 'repo HEAD b54d4a6c99e105c25ca46af9305770e4ba51c422 (2026-04-09); file last changed 78d0e6c450c0dfcd7667a163869ccb456109e6a8 (2025-05-28). Template lists rules and InputParameters only; it contains no control ids',
  },
  'pack-pci-dss-v4-incl-global': {
    title: 'Operational-Best-Practices-for-PCI-DSS-v4.0-including-global-resourcetypes.yml (AWS Config conformance pack template)',
    url: 'https://github.com/awslabs/aws-config-rules/blob/b54d4a6c99e105c25ca46af9305770e4ba51c422/aws-config-conformance-packs/Operational-Best-Practices-for-PCI-DSS-v4.0-including-global-resourcetypes.yml',
    retrieved: '2026-12-02',
    version: 'file last changed 78d0e6c450c0dfcd7667a163869ccb456109e6a8 (2025-05-28). This is the newest PCI pack; the older .yaml twin (a16a11538e23232cc0fc76d12eb8a353e7d73cd6, 2024-09-19) has the same rules and parameters for our 40 rules. The excluding-global-resourcetypes variant drops rds-instance-iam-authentication-enabled. Template lists rules and InputParameters only; it contains no control ids',
  },
  'prowler-cis50': {
    title: 'Prowler: prowler/compliance/aws/cis_5.0_aws.json (Prowler checks -> CIS AWS Foundations v5.0 sections)',
    url: 'https://github.com/prowler-cloud/prowler/blob/master/prowler/compliance/aws/cis_5.0_aws.json',
    retrieved: '2026-12-02',
    version: 'fe7e6675e0fbd334855b86992c062bd0fe9a833c (2026-06-26)',
  },
  'prowler-fsbp': {
    title: 'Prowler: prowler/compliance/aws/aws_foundational_security_best_practices_aws.json (Security Hub control id -> Prowler checks)',
    url: 'https://github.com/prowler-cloud/prowler/blob/master/prowler/compliance/aws/aws_foundational_security_best_practices_aws.json',
    retrieved: '2026-12-02',
    version: 'fe7e6675e0fbd334855b86992c062bd0fe9a833c (2026-06-26); repo HEAD 3e000faa3109230b748e4418a13c11c9e59f5cfb',
  },
  'prowler-soc2': {
    title: 'Prowler: prowler/compliance/aws/soc2_aws.json (Prowler checks -> SOC 2 TSC criteria)',
    url: 'https://github.com/prowler-cloud/prowler/blob/master/prowler/compliance/aws/soc2_aws.json',
    retrieved: '2026-12-02',
    version: 'f19106281be6f3834d8b9818f128892f6290b93b (2026-08-03); repo HEAD 3e000faa3109230b748e4418a13c11c9e59f5cfb',
  },
  'securityhub-dynamodb-controls': {
    title: 'Security Hub CSPM controls for Amazon DynamoDB (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'securityhub-ec2-controls': {
    title: 'Security Hub CSPM controls for Amazon EC2 (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'securityhub-elb-controls': {
    title: 'Security Hub CSPM controls for Elastic Load Balancing (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'securityhub-iam-controls': {
    title: 'Security Hub CSPM controls for AWS Identity and Access Management (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'securityhub-lambda-controls': {
    title: 'Security Hub CSPM controls for AWS Lambda (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'securityhub-rds-controls': {
    title: 'Security Hub CSPM controls for Amazon RDS (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'securityhub-s3-controls': {
    title: 'Security Hub CSPM controls for Amazon S3 (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'securityhub-s3-controls-archived-2023': {
    title: 'Amazon Simple Storage Service controls (archived AWS Security Hub User Guide source, doc_source/s3-controls.md)',
    url: 'https://github.com/awsdocs/aws-security-hub-user-guide/blob/47bfe2f1de2e486914543113d2e751f3e2ed8868/doc_source/s3-controls.md',
    retrieved: '2026-12-02',
    version: 'commit 47bfe2f1de2e486914543113d2e751f3e2ed8868 (file last changed bda5bf7ddbdf498557b2ac6a538577528004e6d5, 2023-03-10); repository archived 2023-06, superseded by the live page',
  },
  'securityhub-secretsmanager-controls': {
    title: 'Security Hub CSPM controls for Secrets Manager (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'securityhub-sns-controls': {
    title: 'Security Hub CSPM controls for Amazon SNS (AWS Security Hub User Guide)',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html',
    retrieved: '2026-12-02',
    version: 'undated current page (uses "Security Hub CSPM" naming, lists CIS v5.0.0 and PCI DSS v4.0.1 requirements); text read from a stored markdown copy of the page in the research index, not the live site',
  },
  'steampipe-fsbp': {
    title: 'Turbot steampipe-mod-aws-compliance: foundational_security/*.pp (Security Hub FSBP control id -> named query)',
    url: 'https://github.com/turbot/steampipe-mod-aws-compliance/tree/main/foundational_security',
    retrieved: '2026-12-02',
    version: '9a74cbbd6cfa48ff19c562342b101a956fc38015 (2025-12-05); repo HEAD a1d0b446ef9b96ea64980859fc063d70da20778e',
  },
  'steampipe-soc2': {
    title: 'Turbot steampipe-mod-aws-compliance: soc_2/*.pp "AWS SOC 2" benchmark (controls -> TSC criteria; benchmark description cites the AWS Audit Manager prebuilt SOC 2 framework)',
    url: 'https://github.com/turbot/steampipe-mod-aws-compliance/tree/main/soc_2',
    retrieved: '2026-12-02',
    version: '3f88385b3226e9e7a6a8c028e790bfbc3aebabd4 (2025-11-19); repo HEAD a1d0b446ef9b96ea64980859fc063d70da20778e',
  },
} satisfies Record<string, MappingSource>;

export type SourceId = keyof typeof MAPPING_SOURCES;
