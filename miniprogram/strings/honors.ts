/**
 * Limits the post editor checks before sending (the server checks them again). Copies of typings/honors-vocab.ts,
 * which lies outside miniprogramRoot; tests/component/honors-labels.test.ts keeps them equal.
 */
export const POST_LIMITS = {
  titleMax: 40,
  textMax: 2000,
  images: 9,
  imageBytes: 5 * 1024 * 1024,
  tags: 5,
  tagMax: 10,
} as const;

export const IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;
