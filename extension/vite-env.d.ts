// Vite's types for its import suffixes, such as the `?url` of the map data.
/// <reference types="vite/client" />
