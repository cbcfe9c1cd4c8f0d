import { describe, expect, it } from 'vitest';
import { withoutDisclaimer } from './careText';

describe('care text', () => {
  it('drops the leading not-a-diagnosis sentence the care notice already says', () => {
    expect(withoutDisclaimer('This review is not a diagnosis. See a physiotherapist if it is not easing.')).toBe(
      'See a physiotherapist if it is not easing.',
    );
  });
  it('leaves other text as it is, and never empties it', () => {
    expect(withoutDisclaimer('See a doctor today.')).toBe('See a doctor today.');
    expect(withoutDisclaimer('This review is not a diagnosis.')).toBe('This review is not a diagnosis.');
  });
});
