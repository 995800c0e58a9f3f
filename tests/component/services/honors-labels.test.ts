/** The mini-program's copy of the showcase limits equals the contract (typings cannot load at run time). */
import { IMAGE_TYPES, POST_LIMITS } from '../../../typings/honors-vocab';
import * as s from '../../../miniprogram/strings/honors';

describe('showcase limits mirror the contract', () => {
  it('copies the post limits and image types', () => {
    expect(s.POST_LIMITS).toEqual(POST_LIMITS);
    expect(s.IMAGE_TYPES).toEqual(IMAGE_TYPES);
  });
});
