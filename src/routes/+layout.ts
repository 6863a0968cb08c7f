// A static single-page app: nothing is rendered on a server, every route is an empty shell.
export const ssr = false;
export const prerender = true;
