/** What the whole web application shares: error messages on one line ({@link io.splitscope.app.Messages}) and whether its caches are on ({@link io.splitscope.app.CacheSwitch}). The entry point of the executable jar is {@link io.splitscope.app.cli.Main}. */
package io.splitscope.app;
