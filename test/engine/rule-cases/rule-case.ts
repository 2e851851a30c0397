/** Per rule name: a real item in the rule's scope that it judges while the item is OK, and the parameters it needs. */
export type RuleCases = Record<string, [item: any, parameters: Record<string, string>]>;
