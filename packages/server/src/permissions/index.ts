// Owned by the identity work (issue 3): the permission strings granted to each kind of actor.
export {};
