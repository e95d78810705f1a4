import { PostgresQueryCompiler, type KyselyPlugin } from 'kysely';

/** A plugin that records the SQL of every statement run through it, in order. */
export function recordStatements(): { plugin: KyselyPlugin; statements: string[] } {
  const statements: string[] = [];
  const compiler = new PostgresQueryCompiler();
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      statements.push(compiler.compileQuery(args.node, args.queryId).sql);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { plugin, statements };
}
