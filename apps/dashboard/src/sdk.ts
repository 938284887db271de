// The dashboard's one SDK instance: the API is the page's own origin unless `?api=` names another.
import { getSdk } from 'balena-sdk';

const apiUrl = new URLSearchParams(location.search).get('api') ?? location.origin;

/** The SDK, from its browser build (picked by the bundler through the package exports). */
export const sdk = getSdk({ apiUrl });
