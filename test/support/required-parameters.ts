/**
 * Values for the parameters the built-in rules require, so that a test or bench can build every
 * rule: `RULE_CATALOG`'s rules not listed here need none.
 */
export const REQUIRED_PARAMETERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'required-tags': { tag1Key: 'Owner', tag1Value: 'a,b' },
  'desired-instance-type': { instanceType: 't3.micro' },
  'lambda-function-settings-check': { runtime: 'nodejs20.x' },
};
