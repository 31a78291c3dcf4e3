// The package ships plain JavaScript; this is the part of its API tapat uses.
declare module 'popular-english-words' {
  export const words: {
    getMostPopular(count: number): string[];
  };
}
