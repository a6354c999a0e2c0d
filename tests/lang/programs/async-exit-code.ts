// process.exitCode set by a timer is the exit status once the event loop is done.
setTimeout(() => {
  console.log('setting exitCode');
  process.exitCode = 3;
}, 5);
setTimeout(() => console.log('later timer still runs'), 20);
