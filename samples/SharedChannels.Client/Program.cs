using SharedChannels.Client;

return await ClientProgram.RunAsync(args, Console.Out, Console.Error);
