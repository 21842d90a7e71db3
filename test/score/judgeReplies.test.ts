import { describe, expect, it } from 'vitest';
import { parseChoice, parseRating, parseTextCheck, readJudgeReply } from '../../src/score/judgeReplies.js';
import { parseQuestions, questionsFor } from '../../src/score/questions.js';

const choices = ['red', 'dark red', 'blue', 'on a beach'];

describe('parseChoice', () => {
  it.each([
    ['B', 1],
    ['b.', 1],
    ['(C)', 2],
    ['**D**', 3],
    ['Answer: C', 2],
    ['The answer is (B), clearly.', 1],
    ['A) red', 0],
    ['dark red', 1],
    ['It looks dark red to me', 1],
    ['Blue.', 2],
    ['beach', 3],
    ['{"answer": "C"}', 2],
    ['```json\n{"answer": "blue"}\n```', 2],
    ['E', null],
    ['no idea', null],
    ['', null],
  ])('%j -> %s', (reply, expected) => {
    expect(parseChoice(reply, choices)).toBe(expected);
  });

  it('takes 1-based numbers and ignores other types', () => {
    expect(parseChoice(2, choices)).toBe(1);
    expect(parseChoice(9, choices)).toBeNull();
    expect(parseChoice(null, choices)).toBeNull();
  });
});

describe('parseRating', () => {
  it.each([
    ['7', 7],
    ['8/10', 8],
    ['Rating: 6.5', 6.5],
    ['I would give it 9 out of 10', 9],
    [{ aesthetic: '4' }, 4],
    [11, null],
    ['0', null],
    ['great', null],
  ])('%j -> %s', (reply, expected) => {
    expect(parseRating(reply)).toBe(expected);
  });
});

describe('parseTextCheck', () => {
  it.each([
    [{ present: true, letters: 5 }, { present: true, letters: 5 }],
    [{ present: false }, { present: false, letters: 0 }],
    [{ text: 'yes', count: '12' }, { present: true, letters: 12 }],
    [{ present: true, letters: 0 }, { present: false, letters: 0 }],
    ['No.', { present: false, letters: 0 }],
    ['Yes, 3 letters', { present: true, letters: 3 }],
    ['Yes, it says "HELLO!"', { present: true, letters: 5 }],
    // Text with no count: assumed one letter over the free four.
    ['yes', { present: true, letters: 5 }],
    ['maybe', null],
  ])('%j -> %j', (reply, expected) => {
    expect(parseTextCheck(reply)).toEqual(expected);
  });
});

describe('readJudgeReply', () => {
  const questions = [{ choices: ['cat', 'dog'] }, { choices: ['red', 'blue'] }];

  it('reads the JSON it asked for, with trailing commas and single quotes', () => {
    expect(readJudgeReply("{'answers': ['B', 'red',], 'aesthetic': 7, 'text': {'present': false}}", questions)).toEqual({ picks: [1, 0], rating: 7, text: { present: false, letters: 0 } });
  });

  it('falls back to numbered lines', () => {
    expect(readJudgeReply('Q1: dog\nQ2 - (A)\nRating: 3\nText: none', questions)).toEqual({ picks: [1, 0], rating: 3, text: { present: false, letters: 0 } });
  });

  it('gives nulls for noise', () => {
    expect(readJudgeReply('¯\\_(ツ)_/¯', questions)).toEqual({ picks: [null, null], rating: null, text: null });
  });
});

describe('Kaggle question files', () => {
  it('reads JSONL items, JSON arrays and Python-style choice lists', () => {
    const jsonl = '{"id": "0", "question": "Colour?", "choices": "[\'red\', \'blue\']", "answer": "red"}\n{"id": "0", "question": "Shape?", "choices": ["circle", "square"], "answer": "square"}\n';
    expect(parseQuestions(jsonl)).toEqual([
      { id: '0', question: 'Colour?', choices: ['red', 'blue'], answer: 'red' },
      { id: '0', question: 'Shape?', choices: ['circle', 'square'], answer: 'square' },
    ]);
    expect(parseQuestions(JSON.stringify([{ question: 'Q?', choices: ['a', 'b'], answer: 'b' }]))).toEqual([{ id: '1', question: 'Q?', choices: ['a', 'b'], answer: 'b' }]);
  });

  it('expands the grouped form: lists of questions, choices and answers for one id', () => {
    const grouped = JSON.stringify({ questions: [{ id: 7, question: '["Q1?", "Q2?"]', choices: '[["a", "b"], ["c", "d"]]', answer: '["b", "c"]' }] });
    expect(parseQuestions(grouped)).toEqual([
      { id: '7', question: 'Q1?', choices: ['a', 'b'], answer: 'b' },
      { id: '7', question: 'Q2?', choices: ['c', 'd'], answer: 'c' },
    ]);
  });

  it.each([
    ['not json at all', /line 1 is not JSON/],
    ['{"question": "Q?", "choices": ["a"], "answer": "a"}', /at least two choices/],
    ['{"question": "Q?", "choices": ["a", "b"], "answer": "c"}', /"c" is not one of its choices/],
    ['{"choices": ["a", "b"], "answer": "a"}', /item 1: question/],
    ['[]', /no questions/],
  ])('refuses %j', (text, message) => {
    expect(() => parseQuestions(text)).toThrow(message);
  });

  it('gives each file the questions whose id is its name when there are several ids', () => {
    const questions = parseQuestions('{"id": "a", "question": "Q?", "choices": ["x", "y"], "answer": "x"}\n{"id": "b", "question": "R?", "choices": ["x", "y"], "answer": "y"}');
    expect(questionsFor(questions, 'out/b.svg').map((q) => q.question)).toEqual(['R?']);
    expect(questionsFor(questions.slice(0, 1), 'anything.svg')).toHaveLength(1);
  });
});
