/** Internal, not API: the bus's lifecycle state, shared by producers and stages. */
package io.ringbus.internal.lifecycle;
