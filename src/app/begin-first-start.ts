import { beginFirstStart } from '../api/sample-bootstrap';

// Imported first by main.tsx, so that this runs before the rest of the app's code (React, the router, the shell) is
// evaluated: the first start (stored data brought forward; at a first visit, the sample fetched and imported) begins
// beside that, not after it, nor when the first page asks for its data.
beginFirstStart();
