// Jest setup of the "· sparse positions" projects (see jest.config.js): test stores hand out
// positions beyond 2^53 with irregular gaps.
process.env.EVENTSTORE_TEST_POSITIONS = 'sparse';
