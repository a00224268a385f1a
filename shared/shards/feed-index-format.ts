/**
 * The `format` value of a feed index (`index.json`), in a module of its
 * own so that a client can recognise an index without loading the code
 * that reads one.
 */
export const FEED_INDEX_FORMAT = "child-alert-feed-index";
