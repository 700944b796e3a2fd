import type { Method, Output, ParsedInput } from '../../../shared/api/contract';
import type { BackendContext } from '../context';

export type Handler<M extends Method> = (ctx: BackendContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;

/** A feature's handlers: exactly the methods it names, each fully typed. */
export type HandlerMap<M extends Method> = { [K in M]: Handler<K> };
