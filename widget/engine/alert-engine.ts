/**
 * Entry of the alert engine bundle (`child-alert-engine.js`): the client
 * that polls, parses, stores and filters feeds. The classic-script widget
 * loads it on demand, so the script a page loads up front holds only the
 * element, its layouts and Lit.
 */
export { AlertClient } from "../../shared/client/alert-client.js";
