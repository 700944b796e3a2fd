/**
 * How a handler is registered with its policies, visible at the place of
 * registration (as Actual Budget composes `mutator(undoable(fn))`):
 *
 *   'values.set': writes([monthsOpen], (ctx, input, values) => … values.apply(changes, author))
 *
 * and how the per-feature maps join into one: a method named twice is an
 * error when the backend loads, not a silent override.
 */
import type { Method, Output, ParsedInput } from '../../../shared/api/contract';
import type { BackendContext } from '../context';
import { valueWriter, type ValueWriter, type WritePolicy } from '../writePolicy';
import type { Handler } from './types';

export type WritingHandler<M extends Method> = (
  ctx: BackendContext,
  input: ParsedInput<M>,
  values: ValueWriter,
) => Output<M> | Promise<Output<M>>;

/** A handler that writes values, only through a writer that enforces the policies named here. */
export function writes<M extends Method>(policies: readonly WritePolicy[], fn: WritingHandler<M>): Handler<M> {
  return (ctx, input) => fn(ctx, input, valueWriter(ctx, policies));
}

type Intersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** Joins handler maps; throws on a method that two maps both name. */
export function joinHandlers<Maps extends readonly object[]>(...maps: Maps): Intersection<Maps[number]> {
  const joined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [method, handler] of Object.entries(map)) {
      if (Object.prototype.hasOwnProperty.call(joined, method)) throw new Error(`Method ${method} has two handlers`);
      joined[method] = handler;
    }
  }
  return joined as Intersection<Maps[number]>;
}
