console.log('start');
throw { notAnError: true };
