/** The items of types no rule judges, each resource counted once, by resource type: what a report lists as skipped. */
export class SkippedItems {
  private readonly idsByType = new Map<string, Set<string>>();

  public add(resourceType: string, resourceId: string): void {
    let ids = this.idsByType.get(resourceType);
    if (ids === undefined) {
      ids = new Set();
      this.idsByType.set(resourceType, ids);
    }
    ids.add(resourceId);
  }

  /** The resources skipped, by resource type, in the order their types were first read. */
  public byResourceType(): Record<string, number> {
    return Object.fromEntries([...this.idsByType].map(([resourceType, ids]) => [resourceType, ids.size]));
  }
}
