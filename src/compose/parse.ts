// The prompt parser's public face (the scorer reads prompt colours through it).
export { parsePrompt, type ParsedObject, type ParsedPrompt, type ParsedRelation } from './parse/parse.js';
export { colorFromWords, isColorWord } from './parse/colors.js';
