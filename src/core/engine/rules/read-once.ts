import { ConfigurationItem } from '../types';

/**
 * A reading of an item, kept for the item read last: the rules of a resource type run one after
 * another on the same item, so they share one reading of it instead of each reading it again.
 * Items are never changed once read, and a reading is returned readonly, so sharing it is safe.
 */
export function readOncePerItem<T>(read: (item: ConfigurationItem) => T): (item: ConfigurationItem) => T {
  let lastItem: ConfigurationItem | undefined;
  let lastReading: T;
  return (item) => {
    if (item !== lastItem) {
      lastReading = read(item);
      lastItem = item;
    }
    return lastReading;
  };
}
