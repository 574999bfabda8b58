// pino 6 (the version Prism 5 logs through) ships no types; the engine only builds a silent logger for Prism.
declare module 'pino' {
  interface Logger { child(bindings: Record<string, unknown>): Logger }
  function pino(options: { level: string; customLevels?: Record<string, number> }): Logger;
  export default pino;
}
