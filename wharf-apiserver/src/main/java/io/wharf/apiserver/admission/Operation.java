package io.wharf.apiserver.admission;

/** Admission operations, as upstream names them. */
public enum Operation { CREATE, UPDATE, DELETE, CONNECT }
