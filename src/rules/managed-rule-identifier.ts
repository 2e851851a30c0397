/**
 * Identifiers of the AWS Config managed rules that the built-in rules map to.
 *
 * Any other managed rule is available through `ComplianceRule.managed(identifier, ...)`.
 */
export class ManagedRuleIdentifier {
  /**
   * S3 buckets have default encryption, or a bucket policy denying unencrypted puts.
   * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-server-side-encryption-enabled.html
   */
  public static readonly S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED = 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED';
  /**
   * S3 buckets are encrypted with AWS KMS, optionally with given keys.
   * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-default-encryption-kms.html
   */
  public static readonly S3_DEFAULT_ENCRYPTION_KMS = 'S3_DEFAULT_ENCRYPTION_KMS';
  /**
   * RDS DB instances have storage encryption enabled.
   * @see https://docs.aws.amazon.com/config/latest/developerguide/rds-storage-encrypted.html
   */
  public static readonly RDS_STORAGE_ENCRYPTED = 'RDS_STORAGE_ENCRYPTED';
  /**
   * RDS DB instances have backups enabled, optionally with a retention and a window.
   * @see https://docs.aws.amazon.com/config/latest/developerguide/db-instance-backup-enabled.html
   */
  public static readonly DB_INSTANCE_BACKUP_ENABLED = 'DB_INSTANCE_BACKUP_ENABLED';
  /**
   * EC2 instances require IMDSv2 (session tokens).
   * @see https://docs.aws.amazon.com/config/latest/developerguide/ec2-imdsv2-check.html
   */
  public static readonly EC2_IMDSV2_CHECK = 'EC2_IMDSV2_CHECK';
  /**
   * Resources carry the required tags, optionally with allowed values.
   * @see https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html
   */
  public static readonly REQUIRED_TAGS = 'REQUIRED_TAGS';
  /**
   * EC2 instances are of the desired types.
   * @see https://docs.aws.amazon.com/config/latest/developerguide/desired-instance-type.html
   */
  public static readonly DESIRED_INSTANCE_TYPE = 'DESIRED_INSTANCE_TYPE';
  /**
   * Security groups allow no SSH from 0.0.0.0/0 or ::/0 (rule name `restricted-ssh`).
   * @see https://docs.aws.amazon.com/config/latest/developerguide/restricted-ssh.html
   */
  public static readonly INCOMING_SSH_DISABLED = 'INCOMING_SSH_DISABLED';
  /**
   * Security groups allow no unrestricted TCP traffic to the blocked ports (rule name `restricted-common-ports`).
   * @see https://docs.aws.amazon.com/config/latest/developerguide/restricted-common-ports.html
   */
  public static readonly RESTRICTED_INCOMING_TRAFFIC = 'RESTRICTED_INCOMING_TRAFFIC';
  /**
   * Security groups open to 0.0.0.0/0 or ::/0 open only authorized ports.
   * @see https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html
   */
  public static readonly VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS = 'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS';
  /**
   * Attached EBS volumes are encrypted, optionally with a given key.
   * @see https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html
   */
  public static readonly ENCRYPTED_VOLUMES = 'ENCRYPTED_VOLUMES';

  private constructor() {}
}
